import type { Config } from './config';
import { AreaService } from './modules/area/area.service';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { TokenService } from './modules/auth/tokens';
import { BusinessService } from './modules/business/business.service';
import { CatalogueSearchService } from './modules/catalogue-search/catalogue-search.service';
import { CooperativeService } from './modules/cooperative/cooperative.service';
import { ProductService } from './modules/product/product.service';
import { VerificationService } from './modules/verification/verification.service';
import { NeedService } from './modules/need/need.service';
import { MatchingService } from './modules/matching/matching.service';
import { NotificationService } from './modules/notification/notification.service';
import { LinkageService } from './modules/linkage/linkage.service';

/** The services of one process. They hold no request state: every method takes the request context first. */
export function createServices(config: Config) {
  const tokens = new TokenService(config.jwtSecret, config.accessTokenSeconds);
  const matching = new MatchingService();
  return {
    tokens,
    auth: new AuthService(tokens, config),
    areas: new AreaService(),
    audit: new AuditService(),
    cooperatives: new CooperativeService(),
    businesses: new BusinessService(),
    products: new ProductService(),
    search: new CatalogueSearchService(),
    verification: new VerificationService(),
    needs: new NeedService(),
    matching,
    notifications: new NotificationService(matching),
    linkages: new LinkageService(),
  };
}

export type Services = ReturnType<typeof createServices>;
