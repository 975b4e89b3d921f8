import json, numpy as np, sys
sys.path.insert(0, __import__('os').path.dirname(__file__)); from calib import *
from ens import pipeline, lg, macro_f1
for path in sys.argv[1:]:
    F = json.load(open(path))['folds']; P=[];Y=[];W=[]
    for f in F:
        ld, lt = np.array(f['lin_dev']), np.array(f['lin_test']); nd, nt = np.array(f['neu_dev']), np.array(f['neu_test'])
        yd, yt = np.array(f['y_dev']), np.array(f['y_test'])
        Tl = fit_t(ld, yd); Tn = fit_t(lg(nd), yd); pl, pn = softmax(ld, Tl), softmax(lg(nd), Tn)
        best=None
        for s in range(21):
            w=s/20; m=w*pl+(1-w)*pn; T=fit_t(lg(m),yd); n=nll(softmax(lg(m),T),yd)
            if best is None or n<best[0]: best=(n,w,T)
        _,w,T=best; W.append((w, round(T,3)))
        P.append(softmax(lg(w*softmax(lt,Tl)+(1-w)*softmax(lg(nt),Tn)),T)); Y.append(yt)
    p=np.vstack(P); y=np.concatenate(Y)
    c=[pipeline(f,3,'dev','dev','dev') for f in F]; cp=np.vstack([x[0] for x in c])
    print(path, 'log-loss weight: acc %.4f mF1 %.4f (w,T) %s | current acc %.4f mF1 %.4f w %s' % ((p.argmax(1)==y).mean(), macro_f1(p,y,3), W, (cp.argmax(1)==y).mean(), macro_f1(cp,y,3), [x[4][2] for x in c]))
