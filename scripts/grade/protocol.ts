/**
 * What the grader's parent and its child processes say to each other. The parent writes one JSON
 * job to the child's stdin; the child writes lines "<nonce> <json>" to stdout. The nonce is random
 * per child and known only to the two of them, so a line printed by student code that escaped its
 * vm context cannot pass for a result.
 */
import type { CheckResult } from '../../lib/course/exercises';

/** The job a child grades. */
export interface ChildJob {
  readonly nonce: string;
  readonly courseId: string;
  /** The hand-in file's text (already size-capped by the parent). */
  readonly handIn: string;
  /** The exercises to grade, in order (others already have a result). */
  readonly exerciseIds: readonly string[];
  /** The teacher's hidden checks by exercise id. */
  readonly hidden: Readonly<Record<string, string>>;
}

/** A line from the child. */
export type ChildMessage =
  | { readonly type: 'student'; readonly name: string; readonly id: string; readonly answered: readonly string[] }
  | { readonly type: 'refused'; readonly message: string }
  | { readonly type: 'start'; readonly id: string }
  | { readonly type: 'result'; readonly id: string; readonly result: CheckResult; readonly versionNote?: string }
  | { readonly type: 'done' };
