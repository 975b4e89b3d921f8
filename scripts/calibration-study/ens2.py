import json, numpy as np, sys
sys.path.insert(0, __import__('os').path.dirname(__file__)); from calib import *
from ens import pipeline, lg, macro_f1, choose_w
d = json.load(open(sys.argv[1])); F = d['folds']; k = 3
def run(a,b,c,n0=None):
    P,Y=[],[]
    for f in F:
        p,y,_,_,_ = pipeline(f,k,a,b,c,n0); P.append(p); Y.append(y)
    return np.vstack(P), np.concatenate(Y)
cur_p, y = run('dev','dev','dev')
alts = {'lin T oof (cross-fit), rest as now': run('oof','dev','dev'), 'no member T, final T dev': run('one','one','dev'),
        'member T dev, no final T': run('dev','dev','one')}
# w by NLL variant
P=[];Y=[]
for f in F:
    ld, lt = np.array(f['lin_dev']), np.array(f['lin_test']); nd, nt = np.array(f['neu_dev']), np.array(f['neu_test'])
    yd, yt = np.array(f['y_dev']), np.array(f['y_test'])
    Tl = fit_t(ld, yd); Tn = fit_t(lg(nd), yd)
    pl, pn = softmax(ld, Tl), softmax(lg(nd), Tn)
    best=None
    for s in range(21):
        w=s/20; m=w*pl+(1-w)*pn; T=fit_t(lg(m),yd); n=nll(softmax(lg(m),T),yd)
        if best is None or n<best[0]: best=(n,w,T)
    _,w,T=best
    P.append(softmax(lg(w*softmax(lt,Tl)+(1-w)*softmax(lg(nt),Tn)),T)); Y.append(yt)
alts['w and final T by dev log-loss'] = (np.vstack(P), np.concatenate(Y))
rng = np.random.default_rng(0); n=len(y)
idx = [rng.integers(0,n,n) for _ in range(1000)]
print('current: ECE %.4f NLL %.4f mF1 %.4f; bootstrap ECE 95%% %.4f-%.4f' % (ece(cur_p,y), nll(cur_p,y), macro_f1(cur_p,y,3), *np.percentile([ece(cur_p[i],y[i]) for i in idx],[2.5,97.5])))
f = floor(cur_p, 1000); print('noise floor of current held-out predictions at n=%d: mean %.4f (5-95%% %.4f-%.4f)' % (n, f.mean(), *np.percentile(f,[5,95])))
for name,(p,yy) in alts.items():
    assert (yy==y).all()
    dE = [ece(p[i],y[i])-ece(cur_p[i],y[i]) for i in idx]; dN = [nll(p[i],y[i])-nll(cur_p[i],y[i]) for i in idx]
    print('%-36s ECE %.4f NLL %.4f mF1 %.4f | minus current: ECE %+.4f (95%% %+.4f..%+.4f), NLL %+.4f (95%% %+.4f..%+.4f)' % (name, ece(p,y), nll(p,y), macro_f1(p,y,3), ece(p,y)-ece(cur_p,y), *np.percentile(dE,[2.5,97.5]), nll(p,y)-nll(cur_p,y), *np.percentile(dN,[2.5,97.5])))
