package trade.caravan.platform;

import trade.caravan.shared.OrganizationId;

/**
 * Implemented by the authenticated principal (a signed-in member or an API token): names the
 * organization on whose behalf the request acts. Persistence scopes every tenant-owned row by it.
 */
public interface TenantPrincipal {

    OrganizationId organizationId();
}
