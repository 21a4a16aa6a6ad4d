"""Writes the fixtures of the PyTorch importer's tests with real PyTorch and torchvision.

Run from this folder with a Python that has torch and torchvision (Debian's python3-torch and
python3-torchvision give PyTorch 1.13 and torchvision 0.14):

    /usr/bin/python3 make_fixtures.py

For each printed model it writes NAME.txt, exactly what print(model) prints; for each class it
writes NAME.py.txt, the class's source. expected.json records what PyTorch itself says about each:
the input used, the output shape and the parameter count, and how the importer should read it
('chain': as printed; 'flatten-before-classifier': with the flatten forward() does; null: it
cannot be followed to the end). every-layer.txt prints one of each supported layer with
arguments away from their defaults, and expected.json lists the code that built each.
"""
import inspect
import json

import torch
import torchvision
from torch import nn


def count(module):
    return sum(p.numel() for p in module.parameters())


def nested():
    """A printed nested Sequential: blocks inside blocks, with named and numbered children."""
    block = lambda cin, cout: nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))
    return nn.Sequential(
        nn.Sequential(block(3, 16), block(16, 16), nn.MaxPool2d(2, 2, ceil_mode=True)),
        nn.Sequential(block(16, 32), nn.Dropout2d(0.1), nn.AvgPool2d(2)),
        nn.AdaptiveMaxPool2d((2, None)),
        nn.Flatten(),
        nn.Linear(32 * 2 * 7, 10),
        nn.LogSoftmax(dim=1),
    )


MODELS = {
    # name: (model, input shape, the chain the importer should build, or None when it cannot)
    'alexnet': (torchvision.models.alexnet(), (1, 3, 224, 224), 'flatten-before-classifier'),
    'vgg16': (torchvision.models.vgg16(), (1, 3, 224, 224), 'flatten-before-classifier'),
    'resnet18': (torchvision.models.resnet18(), (1, 3, 224, 224), None),
    'nested-sequential': (nested(), (2, 3, 29, 29), 'as-printed'),
}

# Model classes as people paste them: the PyTorch tutorial's CIFAR-10 network (its pool layer used
# twice in forward), the same with x.view, one without forward's flatten spelled out, and a
# residual block.
CLASSES = {
    'tutorial-net': ('''
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = torch.flatten(x, 1) # flatten all dimensions except batch
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x
''', 'Net', (1, 3, 32, 32), 'chain'),
    'view-net': ('''
class Net(nn.Module):
    def __init__(self, num_classes=10):
        super(Net, self).__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self.dropout = nn.Dropout(0.25)
        self.fc = nn.Linear(8 * 14 * 14, num_classes)

    def forward(self, x):
        x = self.features(x)
        x = x.view(x.size(0), -1)
        x = self.dropout(x)
        return F.log_softmax(self.fc(x), dim=1)
''', 'Net', (4, 1, 28, 28), 'chain'),
    'residual-block': ('''
class Block(nn.Module):
    def __init__(self, channels=16):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)

    def forward(self, x):
        identity = x
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += identity
        return F.relu(out)
''', 'Block', (1, 16, 8, 8), None),
}

# Every supported layer, with arguments away from their defaults where print() shows them.
EVERY_LAYER = [
    "nn.Conv2d(3, 8, 3, stride=2, padding=1, dilation=2, groups=1, bias=False, padding_mode='reflect')",
    "nn.Conv2d(8, 8, (3, 5), padding='same', groups=4, padding_mode='circular')",
    "nn.Conv2d(8, 8, 1, padding='valid')",
    "nn.MaxPool2d(3, stride=1, padding=1, dilation=2, ceil_mode=True)",
    "nn.AvgPool2d(3, stride=1, padding=1)",
    "nn.AdaptiveAvgPool2d((None, 5))",
    "nn.AdaptiveMaxPool2d(4)",
    "nn.BatchNorm2d(8, eps=0.001, momentum=None, affine=False, track_running_stats=False)",
    "nn.ReLU(inplace=True)",
    "nn.ReLU6()",
    "nn.LeakyReLU(0.2, inplace=True)",
    "nn.ELU(alpha=0.5)",
    "nn.GELU(approximate='tanh')",
    "nn.SiLU()",
    "nn.Sigmoid()",
    "nn.Tanh()",
    "nn.Softplus(beta=2.0, threshold=10.0)",
    "nn.Dropout2d(p=0.1)",
    "nn.Identity()",
    "nn.Softmax(dim=1)",
    "nn.LogSoftmax(dim=-1)",
    "nn.Flatten(start_dim=1, end_dim=-1)",
    "nn.Dropout(p=0.25)",
    "nn.Linear(128, 10, bias=False)",
]

expected = {}
torch.manual_seed(0)
for name, (model, shape, chain) in MODELS.items():
    model.eval()
    with open(f'{name}.txt', 'w') as f:
        f.write(str(model) + '\n')
    with torch.no_grad():
        out = model(torch.randn(*shape))
    expected[name] = {
        'input': list(shape),
        'output': list(out.shape),
        'parameters': count(model),
        'chain': chain,
    }
# ResNet can be followed up to its first residual block: the stem.
resnet = MODELS['resnet18'][0]
stem = nn.Sequential(resnet.conv1, resnet.bn1, resnet.relu, resnet.maxpool)
with torch.no_grad():
    expected['resnet18']['stem'] = {'output': list(stem(torch.randn(1, 3, 224, 224)).shape), 'parameters': count(stem)}

for name, (source, cls, shape, chain) in CLASSES.items():
    with open(f'{name}.py.txt', 'w') as f:
        f.write(source.lstrip('\n'))
    scope = {'torch': torch, 'nn': nn, 'F': torch.nn.functional}
    exec(source, scope)
    model = scope[cls]().eval()
    with torch.no_grad():
        out = model(torch.randn(*shape))
    expected[name] = {'input': list(shape), 'output': list(out.shape), 'parameters': count(model), 'chain': chain}

with open('alexnet-source.py.txt', 'w') as f:
    f.write(inspect.getsource(torchvision.models.AlexNet))
expected['alexnet-source'] = dict(expected['alexnet'], chain='chain')

every = nn.Sequential(*[eval(code, {'nn': nn}) for code in EVERY_LAYER])
with open('every-layer.txt', 'w') as f:
    f.write(str(every) + '\n')
with torch.no_grad():
    out = every.eval()(torch.randn(2, 3, 20, 20))
expected['every-layer'] = {'input': [2, 3, 20, 20], 'output': list(out.shape), 'parameters': count(every), 'chain': 'chain', 'code': EVERY_LAYER}

for entry in expected.values():
    entry.update(torch=torch.__version__, torchvision=torchvision.__version__)
with open('expected.json', 'w') as f:
    json.dump(expected, f, indent=2)
    f.write('\n')
