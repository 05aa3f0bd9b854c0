import { localized } from '../i18n';

interface CategoryNode {
  code: string;
  nameVi: string;
  nameEn?: string | null;
  children?: readonly CategoryNode[];
}

export interface CategoryOption {
  code: string;
  label: string;
  /** 0 for a root, 1 for its children, 2 below. */
  depth: number;
}

/** The category tree as one flat list, parents before their children, named in the reader's language. */
export function flattenCategories(roots: readonly CategoryNode[], language: string, depth = 0): CategoryOption[] {
  return roots.flatMap((node) => [
    { code: node.code, label: localized(language, node.nameVi, node.nameEn), depth },
    ...flattenCategories(node.children ?? [], language, depth + 1),
  ]);
}
