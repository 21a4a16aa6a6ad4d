import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { UrlNotice } from '../../lib/common';
import type { OwnClassificationTask } from '../../lib/ml/training';
import { OwnDataPanel } from './OwnDataPanel';
import { type OwnDataEditor, useOwnDataEditor } from './useOwnDataEditor';

/** What a two-run training widget needs to offer "Your data" as a dataset. */
export interface OwnDataChoice {
  editor: OwnDataEditor;
  /** The reader's points as a task when "Your data" is chosen (perhaps too few to train on yet); otherwise undefined. */
  task: OwnClassificationTask | undefined;
  /** The runs may start: another dataset is chosen, or the reader's points are read and enough. */
  ready: boolean;
  /** Until ready, the widget's spoken summary: why neither run has started. */
  waiting: string;
  /** For RunPanel: clicks on the boundary plot add a point (only while "Your data" is chosen). */
  pick: { onPickPoint?(x: number, y: number): void };
  /** The box to put below the settings (nothing unless "Your data" is chosen). */
  panel: ComponentChildren;
  /** The notice for a link that asks for data this browser does not have. */
  notices: UrlNotice[];
  dismissNotices(): void;
}

/** The notice for a link that names "Your data" opened where none is stored. */
function linkWithoutData(fallback: string): UrlNotice {
  return {
    name: 'dataset',
    raw: 'own',
    message: `This link asks for “Your data”, but this browser holds no points of yours for this widget (they stay in the browser they were made in; links do not carry them). Training on ${fallback} instead.`,
  };
}

/**
 * "Your data" for widget `name`: `chosen` says whether its URL state picks it. Once the stored points
 * are read, a link that picks it where none are stored calls `fallBack()` (which should choose the
 * default dataset) and says so in a notice.
 */
export function useOwnDataChoice(name: string, chosen: boolean, fallBack: () => void, { extent, fallbackName }: { extent: number; fallbackName: string }): OwnDataChoice {
  const editor = useOwnDataEditor(name);
  const [notices, setNotices] = useState<UrlNotice[]>([]);
  const linkChecked = useRef(false);
  useEffect(() => {
    if (!editor.loaded || linkChecked.current) return;
    linkChecked.current = true;
    if (chosen && !editor.own) {
      setNotices([linkWithoutData(fallbackName)]);
      fallBack();
    }
  }, [editor.loaded]);
  // The run panels are memoised: a click reaches the editor of this render through a ref.
  const addScaled = useRef(editor.addScaled);
  addScaled.current = editor.addScaled;
  const onPickPoint = useCallback((x: number, y: number) => addScaled.current(x, y), []);
  const pick = useMemo(() => (chosen ? { onPickPoint } : {}), [chosen]);
  return {
    editor,
    task: chosen ? editor.shownTask : undefined,
    ready: !chosen || (editor.loaded && editor.task !== undefined),
    waiting: `Neither run has started: ${editor.loaded ? (editor.problem ?? '') : 'your points are being read.'}`,
    pick,
    panel: chosen && <OwnDataPanel editor={editor} extent={extent} />,
    notices,
    dismissNotices: () => setNotices([]),
  };
}
