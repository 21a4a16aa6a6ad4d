"""Runs scripts as a student would, each in a fresh namespace, and reports what each did.

    python3 run_scripts.py scripts.json

scripts.json is a list of strings. For each script this prints, in one JSON list on stdout: what
the script printed, the warnings PyTorch raised, the exception it stopped with (its type and its
message's first line) or null, and, when the script defined `model`, the numbers in its parameters
and buffers as PyTorch counts them. One process runs them all: importing torch takes seconds.
"""
import contextlib
import io
import json
import sys
import warnings

import torch

results = []
for source in json.load(open(sys.argv[1])):
    torch.manual_seed(0)
    out = io.StringIO()
    error = None
    scope = {'__name__': '__main__'}
    with warnings.catch_warnings(record=True) as caught, contextlib.redirect_stdout(out):
        warnings.simplefilter('always')
        try:
            exec(compile(source, '<copied script>', 'exec'), scope)
        except Exception as e:  # the script's own failure is the result
            error = {'type': type(e).__name__, 'message': str(e).splitlines()[0] if str(e) else ''}
    model = scope.get('model')
    counts = None
    if isinstance(model, torch.nn.Module):
        counts = {
            'parameters': sum(p.numel() for p in model.parameters()),
            'buffers': sum(b.numel() for b in model.buffers()),
        }
    results.append({'stdout': out.getvalue(), 'warnings': [str(w.message) for w in caught], 'error': error, 'counts': counts})
json.dump(results, sys.stdout)
