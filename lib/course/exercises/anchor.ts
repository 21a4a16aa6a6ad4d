/** The id of an exercise's heading in its lesson page, which links to the exercise use: "pooling/alexnet-pool" → "exercise-pooling-alexnet-pool". */
export function exerciseAnchor(id: string): string {
  return `exercise-${id.replace(/[^a-z0-9]+/g, '-')}`;
}
