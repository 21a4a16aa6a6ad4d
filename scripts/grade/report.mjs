/** The grader's outputs: grades.csv (one row a hand-in, one column an exercise) and a Markdown feedback file per hand-in. */

const points = (x) => String(Math.round(x * 100) / 100);

/** A CSV field, quoted when it needs to be (RFC 4180); a leading =, +, - or @ is defused for spreadsheets. */
export function csvField(value) {
  let text = String(value);
  if (/^[=+\-@]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The name of a hand-in's feedback file: its file name without extension, safe on every file system. */
export function feedbackName(file) {
  return `${file.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100) || 'submission'}.md`;
}

/** grades.csv's text: rows sorted by file name, so that two runs give the same bytes. */
export function gradesCsv(exercises, rows) {
  const header = ['file', 'student_id', 'student_name', ...exercises.map((e) => `${e.id} (${e.points})`), `total (${exercises.reduce((s, e) => s + e.points, 0)})`, 'problem'];
  const lines = [header.map(csvField).join(',')];
  for (const row of [...rows].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const earned = exercises.map((e) => (row.results.get(e.id)?.score ?? 0) * e.points);
    const cells = [row.file, row.student?.id ?? '', row.student?.name ?? '', ...earned.map(points), points(earned.reduce((s, x) => s + x, 0)), row.refused ?? (row.stopped ?? []).join(' ')];
    lines.push(cells.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A hand-in's feedback, in Markdown. */
export function feedbackMarkdown(course, exercises, row) {
  const who = row.student ? `${row.student.name} (${row.student.id})` : row.file;
  const out = [`# ${course.title}: feedback for ${who}`, '', `File: \`${row.file}\``, ''];
  if (row.refused) return `${[...out, `**This file could not be graded.** ${row.refused}`, ''].join('\n')}`;
  let total = 0;
  for (const e of exercises) {
    const r = row.results.get(e.id) ?? { correct: false, score: 0, feedback: 'Not graded.' };
    total += r.score * e.points;
    out.push(`## ${e.id}: ${points(r.score * e.points)} / ${e.points}`, '', ...r.feedback.split('\n').map((l) => `> ${l}`), '');
    if (r.versionNote) out.push(`*${r.versionNote}*`, '');
    for (const d of r.details ?? []) out.push(`- ${d.passed ? '✓' : '✗'} ${d.name}${d.passed ? '' : `: ${d.message}`}`);
    if (r.details?.length) out.push('');
  }
  out.push(`**Total: ${points(total)} / ${exercises.reduce((s, e) => s + e.points, 0)}**`, '');
  return out.join('\n');
}
