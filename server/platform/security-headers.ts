/**
 * Security headers for every response. The CSP allows only our own scripts and connections.
 * 'unsafe-inline' stays for styles only: Lit renders `style=` attribute bindings (progress bars,
 * colours), which CSP treats as inline styles; scripts never run inline.
 */
import helmet from 'helmet';

export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"], // CSP3: 'self' covers ws:/wss: to this host
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        // No upgrade-insecure-requests: venue networks often run plain HTTP on a LAN address,
        // where upgrading would break every request.
      },
    },
    // HSTS would pin a LAN host to HTTPS it may not have; a TLS proxy in front can add it.
    strictTransportSecurity: false,
  });
}
