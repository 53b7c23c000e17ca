"""Random dynamic-stock cases and their reference values from flodym 1.1.0 (pinned in
requirements.txt). Shared by the differential test and the benchmark."""
import numpy as np

SEED = 20261201
SCALE = 2.0**80  # values are multiplied by a power of two (exact) so FlowQL prints every digit


def random_parameters(rng, name):
    """Lifetime parameters in years, as FlowQL names them."""
    if name == "fixed":
        return {"t": float(rng.uniform(1, 25))}
    if name == "weibull":
        return {"shape": float(rng.uniform(0.7, 5)), "scale": float(rng.uniform(2, 40))}
    return {"mean": float(rng.uniform(2, 30)), "sd": float(rng.uniform(0.5, 12))}


def flodym_lifetime(name, parameters, dims):
    """The flodym lifetime model for a FlowQL distribution (inflow_at = "middle", its default)."""
    from flodym import lifetime_models as lm

    if name == "fixed":
        return lm.FixedLifetime(dims=dims, mean=parameters["t"])
    if name == "weibull":
        return lm.WeibullLifetime(dims=dims, weibull_shape=parameters["shape"], weibull_scale=parameters["scale"])
    cls = {"normal": lm.NormalLifetime, "foldednormal": lm.FoldedNormalLifetime, "lognormal": lm.LogNormalLifetime}
    return cls[name](dims=dims, mean=parameters["mean"], std=parameters["sd"])


def flodym_run(name, parameters, series, mode, first_year=2000):
    """(inflow, outflow, stock) computed by flodym's InflowDrivenDSM or StockDrivenDSM."""
    import flodym as fd

    years = list(range(first_year, first_year + len(series)))
    dims = fd.DimensionSet(dim_list=[fd.Dimension(name="time", letter="t", items=years)])
    lifetime = flodym_lifetime(name, parameters, dims)
    if mode == "inflow":
        dsm = fd.InflowDrivenDSM(dims=dims, lifetime_model=lifetime)
        dsm.inflow.values[...] = series
    else:
        dsm = fd.StockDrivenDSM(dims=dims, lifetime_model=lifetime)
        dsm.stock.values[...] = series
    dsm.compute()
    return dsm.inflow.values.copy(), dsm.outflow.values.copy(), dsm.stock.values.copy()


def random_series(rng, n, mode):
    """Inflows: positive and noisy. Stocks: a noisy growing stock, sometimes falling (negative
    inflows are then part of the comparison)."""
    if mode == "inflow":
        return rng.uniform(0, 1000, n) * rng.uniform(0.5, 2)
    return np.maximum(np.cumsum(rng.uniform(-200, 1000, n)) + rng.uniform(300, 1000), 0.0)


def flowql_term(name, parameters):
    args = ", ".join(f"{k} = {v!r}" for k, v in parameters.items())
    return f"{name}({args})"
