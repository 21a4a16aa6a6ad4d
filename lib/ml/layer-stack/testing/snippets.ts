/** Real-world model code used by the unit tests and the e2e spec. */

/** torchvision/models/alexnet.py, the body of AlexNet.__init__ (torchvision 0.13 and later), indented as there. */
export const TORCHVISION_ALEXNET = `
        self.features = nn.Sequential(
            nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(64, 192, kernel_size=5, padding=2),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
            nn.Conv2d(192, 384, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.Conv2d(384, 256, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.Conv2d(256, 256, kernel_size=3, padding=1),
            nn.ReLU(inplace=True),
            nn.MaxPool2d(kernel_size=3, stride=2),
        )
        self.avgpool = nn.AdaptiveAvgPool2d((6, 6))
        self.classifier = nn.Sequential(
            nn.Dropout(p=dropout),
            nn.Linear(256 * 6 * 6, 4096),
            nn.ReLU(inplace=True),
            nn.Dropout(p=dropout),
            nn.Linear(4096, 4096),
            nn.ReLU(inplace=True),
            nn.Linear(4096, num_classes),
        )
`;

/**
 * torchvision's AlexNet made pasteable: its two variables given values, a Flatten where its
 * forward() flattens, and an input tensor of two 224 × 224 images. 61,100,840 parameters.
 */
export const TORCHVISION_ALEXNET_PASTEABLE = `import torch
import torch.nn as nn

dropout = 0.5
num_classes = 1000
${TORCHVISION_ALEXNET.replace('self.classifier =', 'flatten = nn.Flatten()\nself.classifier =')}
x = torch.randn(2, 3, 224, 224)
`;
