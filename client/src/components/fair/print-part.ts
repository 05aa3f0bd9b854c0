/**
 * Prints one part of a page: a participant's agenda, or the meeting grid, without the
 * availability boxes, suggestions and request lists around it. The part and every element
 * above it are marked for the print style sheet, which hides everything else, and the marks
 * are removed once the print dialog closes.
 */
export function printPart(target: HTMLElement | null): void {
  if (!target) {
    window.print();
    return;
  }
  const path: Element[] = [];
  for (let el = target.parentElement; el && el !== document.documentElement; el = el.parentElement) path.push(el);
  document.body.classList.add('printing-part');
  target.classList.add('print-target');
  for (const el of path) el.classList.add('print-path');
  const done = () => {
    window.removeEventListener('afterprint', done);
    document.body.classList.remove('printing-part');
    target.classList.remove('print-target');
    for (const el of path) el.classList.remove('print-path');
  };
  window.addEventListener('afterprint', done);
  window.print();
}
