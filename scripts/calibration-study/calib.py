import numpy as np
def ece(p, y, bins=10):
    c = p.max(1); pred = p.argmax(1); b = np.minimum(bins-1, (c*bins).astype(int))
    e = 0.0
    for k in range(bins):
        m = b == k
        if m.any(): e += abs((pred[m]==y[m]).sum() - c[m].sum())/len(y)
    return e
def nll(p, y): return -np.mean(np.log(np.maximum(p[np.arange(len(y)), y], 1e-12)))
def softmax(s, t=1.0):
    z = s/t; z = z - z.max(1, keepdims=True); e = np.exp(z); return e/e.sum(1, keepdims=True)
def fit_t(s, y):
    from scipy.optimize import minimize_scalar
    r = minimize_scalar(lambda lt: nll(softmax(s, np.exp(lt)), y), bounds=(np.log(0.05), np.log(20)), method='bounded', options={'xatol':1e-8})
    return float(np.exp(r.x))
def floor(p, n_sim=5000, seed=0, bins=10):
    rng = np.random.default_rng(seed)
    cum = p.cumsum(1)
    out = []
    for _ in range(n_sim):
        u = rng.random(len(p))[:, None]
        y = (u > cum).sum(1); y = np.minimum(y, p.shape[1]-1)
        out.append(ece(p, y, bins))
    return np.array(out)
