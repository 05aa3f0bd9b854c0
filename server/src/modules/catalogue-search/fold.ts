/**
 * Folds text the way the database folds the search document (cl_fold):
 * lower case, Vietnamese diacritics removed, đ → d. Folding the term here,
 * rather than in SQL, hands the planner a constant pattern, so it can weigh
 * the trigram index properly.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
