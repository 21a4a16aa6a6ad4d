// Hidden checks of vanishing-gradients/xavier-layer: the visible checks use gain 1, so a layer
// that ignores its gain passes them; these use tanh's gain 5/3 and a different shape.
const w2 = xavierLayer(100, 50, 5 / 3, new Rng(3));
expectShape(w2, [50, 100]);
const bound = (5 / 3) * Math.sqrt(6 / 150);
check('every weight within the gain-scaled bound', Array.from(w2.data).every((w) => Math.abs(w) <= bound), `expected |w| <= ${bound.toFixed(4)}`);
check('the gain scales the bound', Array.from(w2.data).some((w) => Math.abs(w) > Math.sqrt(6 / 150)), 'expected some |w| above the gain-1 bound: is the gain used?');
