// Hidden checks of pooling/max-pool-backward: run by the grader after the student's code and the
// visible checks, in the same kernel. A student who wrote `const nonzero = 4` without running
// backward passes the visible checks, not these: each window's gradient goes to its maximum only.
check('backward was run', x.grad !== null, 'expected x.grad to hold the gradient: call pooled.sum().backward()');
expectClose(x.grad!.squeeze(), [
  [0, 0, 0, 0],
  [0, 1, 1, 0],
  [0, 0, 1, 0],
  [1, 0, 0, 0],
]);
