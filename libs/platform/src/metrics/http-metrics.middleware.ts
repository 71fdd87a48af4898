import type { NextFunction, Request, Response } from 'express';
import { Histogram, collectDefaultMetrics, register } from 'prom-client';

let defaultMetricsStarted = false;

function requestDurations(): Histogram<string> {
  const name = 'candor_http_request_duration_seconds';
  return (
    (register.getSingleMetric(name) as Histogram<string>) ??
    new Histogram({
      name,
      help: 'HTTP request duration by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    })
  );
}

/** Records request durations labelled by route template (never the raw URL, which holds ids). */
export function httpMetricsMiddleware(serviceName: string) {
  if (!defaultMetricsStarted) {
    register.setDefaultLabels({ service: serviceName });
    collectDefaultMetrics();
    defaultMetricsStarted = true;
  }
  const durations = requestDurations();
  return (req: Request, res: Response, next: NextFunction) => {
    const stop = durations.startTimer();
    res.on('finish', () => {
      const route = req.route ? `${req.baseUrl}${(req.route as { path: string }).path}` : 'unmatched';
      stop({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
