import json, numpy as np, sys
sys.path.insert(0, __import__('os').path.dirname(__file__)); from calib import *
d = json.load(open(sys.argv[1]))
p = np.array(d['p']); y = np.array(d['y'])
print('observed ECE', ece(p, y), 'nll', nll(p, y), 'acc', (p.argmax(1)==y).mean(), 'mean conf', p.max(1).mean())
f = floor(p, 10000)
print('perfectly calibrated, same confidences, n=196: mean ECE %.4f median %.4f 5%%-95%% %.4f-%.4f; P(ECE>=obs)=%.3f' % (f.mean(), np.median(f), *np.percentile(f,[5,95]), (f>=ece(p,y)).mean()))
# bootstrap of observed
rng = np.random.default_rng(1); bs=[]
for _ in range(2000):
    i = rng.integers(0, len(y), len(y)); bs.append(ece(p[i], y[i]))
print('bootstrap observed 2.5-97.5%%: %.4f-%.4f' % tuple(np.percentile(bs,[2.5,97.5])))
# floor at n=1960 (pooled CV size): resample confidences
i = np.random.default_rng(2).integers(0, len(p), 1960)
f2 = floor(p[i], 2000)
print('floor at n=1960 (dev confidences resampled): mean %.4f 5-95%% %.4f-%.4f' % (f2.mean(), *np.percentile(f2,[5,95])))
hist = np.histogram(p.max(1), bins=np.linspace(0,1,11))[0]; print('confidence histogram (10 bins)', hist)
