import { useQuery } from '@apollo/client/react';
import { graphql } from '@cooplink/schema/graphql';
import { useTranslation } from 'react-i18next';
import { flattenCategories } from '../category-options';

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
  return flattenCategories(data?.categories ?? [], i18n.language).map((o) => ({
    code: o.code,
    label: `${'—'.repeat(o.depth)}${o.depth ? ' ' : ''}${o.label}`,
  }));
}
