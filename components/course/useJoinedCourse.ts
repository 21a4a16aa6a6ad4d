/** The course joined in this browser (its link opened on /course/), read from the 'courses' store. */
import { useEffect, useState } from 'preact/hooks';
import { JOINED_COURSE_KEY, parseJoinedCourse, type JoinedCourse } from '../../lib/course/progress';
import { pageStore } from '../notebook/page-store';

/** The joined course once read (undefined if none), or null while it is being read. */
export function useJoinedCourse(): JoinedCourse | undefined | null {
  const [joined, setJoined] = useState<JoinedCourse | undefined | null>(null);
  useEffect(() => {
    let live = true;
    void readJoinedCourse().then((j) => live && setJoined(j));
    return () => {
      live = false;
    };
  }, []);
  return joined;
}

/** Reads the joined course (undefined if none or damaged). */
export async function readJoinedCourse(): Promise<JoinedCourse | undefined> {
  return parseJoinedCourse(await (await pageStore()).get('courses', JOINED_COURSE_KEY));
}

/** Stores `joined` as the course of this browser. */
export async function writeJoinedCourse(joined: JoinedCourse): Promise<void> {
  await (await pageStore()).set('courses', JOINED_COURSE_KEY, joined);
}
