/**
 * The layer rule, checked by `npm run check` (dependency-cruiser). Imports point one way:
 *
 *   lib/engine, lib/runtime, lib/common   (each stands alone)
 *     <- lib/ml/*        models, training, datasets, layer stacks, shape calculators
 *     <- lib/notebook    the code-cell kernel
 *     <- lib/course/*    each lesson's logic, exercises and graders
 *     <- components/     views
 *     <- site/, lessons/
 *
 * A package is lib/engine, lib/runtime, lib/common, lib/notebook, or a folder in lib/ml or
 * lib/course. Code outside a package imports it through its index.ts only; tests may reach inside.
 */
const PACKAGE = '(lib/(?:engine|runtime|common|notebook)|lib/(?:ml|course)/[^/]+)';
const INDEX = `^${PACKAGE}/index\\.ts$`;
const TESTS = ['\\.test\\.ts$', '^oracle/', '^lib/engine/testing/', '/testing/'];

module.exports = {
  forbidden: [
    {
      name: 'lib-is-dom-free-and-below-the-views',
      comment: 'lib/ runs in workers and in Node (the grading CLI): it may not import components/, site/, lessons/ or a DOM library.',
      severity: 'error',
      from: { path: '^lib/', pathNot: TESTS },
      to: { path: ['^(components|site|lessons|e2e)/', 'node_modules/(preact|@preact|d3-selection|@codemirror)/'] },
    },
    {
      name: 'engine-stands-alone',
      comment: 'lib/engine is the base layer: it imports nothing else of ours.',
      severity: 'error',
      from: { path: '^lib/engine/' },
      to: { path: '^lib/', pathNot: '^lib/engine/' },
    },
    {
      name: 'runtime-stands-alone',
      comment: 'lib/runtime (workers, jobs, CPU budget) knows nothing of engines or lessons.',
      severity: 'error',
      from: { path: '^lib/runtime/' },
      to: { path: '^lib/', pathNot: '^lib/runtime/' },
    },
    {
      name: 'common-stands-alone',
      comment: 'lib/common (formatting, URL state, lesson figures) imports nothing else of ours.',
      severity: 'error',
      from: { path: '^lib/common/' },
      to: { path: '^lib/', pathNot: '^lib/common/' },
    },
    {
      name: 'ml-is-below-notebook-and-course',
      comment: 'lib/ml may use engine, runtime and common, never the notebook or a lesson.',
      severity: 'error',
      from: { path: '^lib/ml/' },
      to: { path: '^lib/(notebook|course)/' },
    },
    {
      name: 'notebook-is-below-course',
      comment: 'lib/notebook may use engine, runtime, common and ml, never a lesson.',
      severity: 'error',
      from: { path: '^lib/notebook/' },
      to: { path: '^lib/course/' },
    },
    {
      name: 'components-are-below-pages',
      comment: 'components/ are imported by site/ and lessons/, never the other way round.',
      severity: 'error',
      from: { path: '^components/', pathNot: TESTS },
      to: { path: '^(site|lessons)/' },
    },
    {
      name: 'packages-are-entered-by-their-index',
      comment: 'Another package is imported through its index.ts, its public surface.',
      severity: 'error',
      from: { path: `^${PACKAGE}/`, pathNot: TESTS },
      to: { path: '^lib/', pathNot: ['^$1/', INDEX] },
    },
    {
      name: 'views-enter-lib-by-an-index',
      comment: 'components/, site/ and lessons/ import a lib package through its index.ts (site/build/, the build plugins, read lib files by path in Node).',
      severity: 'error',
      from: { path: '^(components|site|lessons)/', pathNot: [...TESTS, '^site/build/'] },
      to: { path: '^lib/', pathNot: INDEX },
    },
    {
      name: 'no-cycles-between-packages',
      comment: 'Two packages that import each other are one package: merge or split them.',
      severity: 'error',
      from: { path: '^(lib|components)/', pathNot: '^lib/engine/' },
      to: { circular: true, pathNot: '^lib/engine/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^\\.astro/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
