import json, numpy as np, sys
sys.path.insert(0, __import__('os').path.dirname(__file__)); from calib import *
def shrink(t, n, n0): return float(np.exp(np.log(t) * n/(n+n0)))
for path in sys.argv[1:]:
    d = json.load(open(path)); F = d['folds']
    V = {}
    def add(name, p, y): V.setdefault(name, []).append((p, y))
    Ts = {}
    for f in F:
        ld, lt, lo = map(np.array, (f['lin_dev'], f['lin_test'], f['lin_oof']))
        yd, yt, yo = map(np.array, (f['y_dev'], f['y_test'], f['y_tr']))
        tdev = fit_t(ld, yd); toof = fit_t(lo, yo); tboth = fit_t(np.vstack([lo, ld]), np.concatenate([yo, yd]))
        Ts.setdefault('dev', []).append(tdev); Ts.setdefault('oof', []).append(toof); Ts.setdefault('oof+dev', []).append(tboth)
        Ts.setdefault('oracle(test)', []).append(fit_t(lt, yt))
        add('T=1', softmax(lt), yt)
        add('T dev (current)', softmax(lt, tdev), yt)
        add('T oof (cross-fitted)', softmax(lt, toof), yt)
        add('T oof+dev', softmax(lt, tboth), yt)
        for n0 in (100, 200, 400):
            add('T dev shrunk n0=%d' % n0, softmax(lt, shrink(tdev, len(yd), n0)), yt)
        add('[in-sample dev, T dev]', softmax(ld, tdev), yd)
        add('[dev, T oof]', softmax(ld, toof), yd)
    print(path, {k: np.round(v, 3).tolist() for k, v in Ts.items()})
    for k, v in V.items():
        p = np.vstack([a for a, _ in v]); y = np.concatenate([b for _, b in v])
        print('  %-28s pooled n=%4d ECE %.4f  NLL %.4f  acc %.4f  conf %.4f | per-fold ECE mean %.4f' % (k, len(y), ece(p, y), nll(p, y), (p.argmax(1)==y).mean(), p.max(1).mean(), np.mean([ece(a, b) for a, b in v])))
