import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { localized } from '../../i18n';

const NeedCategoriesDocument = graphql(`
  query NeedCategories {
    categories {
      code
      nameVi
      nameEn
      children {
        code
        nameVi
        nameEn
        children {
          code
          nameVi
          nameEn
        }
      }
    }
  }
`);

/** The category tree as one flat list of options, each level indented, in the reader's language. */
export function useCategoryOptions(): { code: string; label: string }[] {
  const { i18n } = useTranslation();
  const { data } = useQuery(NeedCategoriesDocument);
  const options: { code: string; label: string }[] = [];
  for (const root of data?.categories ?? []) {
    options.push({ code: root.code, label: localized(i18n.language, root.nameVi, root.nameEn) });
    for (const c of root.children) {
      options.push({ code: c.code, label: `— ${localized(i18n.language, c.nameVi, c.nameEn)}` });
      for (const l of c.children) options.push({ code: l.code, label: `—— ${localized(i18n.language, l.nameVi, l.nameEn)}` });
    }
  }
  return options;
}
