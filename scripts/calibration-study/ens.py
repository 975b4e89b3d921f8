import json, numpy as np, sys
sys.path.insert(0, __import__('os').path.dirname(__file__)); from calib import *
def macro_f1(p, y, k):
    pr = p.argmax(1); s = 0
    for c in range(k):
        tp = ((pr==c)&(y==c)).sum(); P = (pr==c).sum(); R = (y==c).sum()
        pp = tp/P if P else 0; rr = tp/R if R else 0
        s += 2*pp*rr/(pp+rr) if pp+rr else 0
    return s/k
def lg(p): return np.log(np.maximum(p, 1e-12))
def choose_w(pl, pn, y, k):
    best = (-1, np.inf, 1.0)
    for step in range(21):
        w = step/20; m = w*pl + (1-w)*pn; f = macro_f1(m, y, k); n = nll(m, y)
        if f > best[0] + 1e-12 or (abs(f-best[0]) <= 1e-12 and n < best[1]): best = (f, n, w)
    return best[2]
def shrink(t, n, n0): return float(np.exp(np.log(t) * n/(n+n0)))
def pipeline(f, k, lin_t, neu_t, final, n0=None):
    ld, lt, lo = map(np.array, (f['lin_dev'], f['lin_test'], f['lin_oof']))
    nd, nt = np.array(f['neu_dev']), np.array(f['neu_test'])
    yd, yt, yo = map(np.array, (f['y_dev'], f['y_test'], f['y_tr']))
    Tl = {'dev': lambda: fit_t(ld, yd), 'oof': lambda: fit_t(lo, yo), 'oof+dev': lambda: fit_t(np.vstack([lo, ld]), np.concatenate([yo, yd])), 'one': lambda: 1.0}[lin_t]()
    Tn = {'dev': lambda: fit_t(lg(nd), yd), 'one': lambda: 1.0}[neu_t]()
    pl, pn = softmax(ld, Tl), softmax(lg(nd), Tn)
    w = choose_w(pl, pn, yd, k)
    md = w*pl + (1-w)*pn
    Tf = fit_t(lg(md), yd) if final == 'dev' else 1.0
    if n0: Tf = shrink(Tf, len(yd), n0)
    mt = w*softmax(lt, Tl) + (1-w)*softmax(lg(nt), Tn)
    return softmax(lg(mt), Tf), yt, softmax(lg(md), Tf), yd, (round(Tl,3), round(Tn,3), w, round(Tf,3))
variants = [('current: member T dev, final T dev', 'dev', 'dev', 'dev', None),
            ('member T dev, no final T', 'dev', 'dev', 'one', None),
            ('no member T, final T dev', 'one', 'one', 'dev', None),
            ('no temperatures at all', 'one', 'one', 'one', None),
            ('lin T oof, neu T dev, final T dev', 'oof', 'dev', 'dev', None),
            ('lin T oof, neu T dev, no final T', 'oof', 'dev', 'one', None),
            ('lin T oof+dev, neu T dev, no final', 'oof+dev', 'dev', 'one', None),
            ('lin T oof, neu T 1, final T dev', 'oof', 'one', 'dev', None),
            ('lin T oof, neu T 1, no final', 'oof', 'one', 'one', None),
            ('current, final shrunk n0=200', 'dev', 'dev', 'dev', 200),
            ('no member T, final shrunk n0=200', 'one', 'one', 'dev', 200),
            ('lin oof, neu dev, final shrunk n0=200', 'oof', 'dev', 'dev', 200)]
if __name__ == '__main__':
    for path in sys.argv[1:]:
        d = json.load(open(path)); F = d['folds']; k = len(d['labels'])
        print(path, 'folds', len(F))
        for name, a, b, c, n0 in variants:
            P, Y, PD, YD, params = [], [], [], [], []
            for f in F:
                p, y, pd, yd, prm = pipeline(f, k, a, b, c, n0); P.append(p); Y.append(y); PD.append(pd); YD.append(yd); params.append(prm)
            p = np.vstack(P); y = np.concatenate(Y); pd = np.vstack(PD); yd = np.concatenate(YD)
            print('  %-38s held-out ECE %.4f NLL %.4f acc %.4f mF1 %.4f | in-sample dev ECE %.4f | per-fold held-out ECE %.4f' % (name, ece(p, y), nll(p, y), (p.argmax(1)==y).mean(), macro_f1(p, y, k), ece(pd, yd), np.mean([ece(a_, b_) for a_, b_ in zip(P, Y)])))
            print('      (T_lin, T_neu, w, T_final) per fold:', params)
