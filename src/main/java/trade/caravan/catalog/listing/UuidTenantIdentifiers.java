package trade.caravan.catalog.listing;

import java.util.UUID;

import org.hibernate.search.mapper.pojo.tenancy.TenantIdentifierConverter;

/** Hibernate ORM's tenant identifiers here are UUIDs (organizations); Hibernate Search keeps them as strings. */
class UuidTenantIdentifiers implements TenantIdentifierConverter {

    @Override
    public String toStringValue(Object tenantId) {
        return tenantId.toString();
    }

    @Override
    public Object fromStringValue(String tenantId) {
        return UUID.fromString(tenantId);
    }
}
