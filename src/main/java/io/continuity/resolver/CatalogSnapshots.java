package io.continuity.resolver;

import java.util.List;

import org.hibernate.jpa.HibernateHints;

import io.continuity.inputs.CatalogAssetEntity;
import io.continuity.inputs.VirtualAssetEntity;
import io.continuity.resolver.core.CatalogView;
import io.continuity.resolver.core.InMemoryCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The catalog as the resolver sees it, loaded once and reused until any asset or virtual asset changes (detected by
 * a fingerprint over row count and versions), so resolving many channels does not reload the catalog each time.
 */
@ApplicationScoped
public class CatalogSnapshots {

    private final EntityManager em;
    private volatile String fingerprint;
    private volatile CatalogView view;

    public CatalogSnapshots(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CatalogView current() {
        String now = String.valueOf(List.of(
                em.createNativeQuery("SELECT count(*) || ':' || coalesce(sum(version), 0) || ':' || coalesce(max(updated_at)::text, '') "
                        + "FROM catalog_asset").getSingleResult(),
                em.createNativeQuery("SELECT count(*) || ':' || coalesce(sum(version), 0) FROM virtual_asset").getSingleResult()));
        CatalogView cached = view;
        if (cached != null && now.equals(fingerprint)) {
            return cached;
        }
        // read-only: mapped straight to core objects, so the rest of the transaction does not dirty-check the whole catalog
        List<CatalogAssetEntity> assets = CatalogAssetEntity.<CatalogAssetEntity>findAll().withHint(HibernateHints.HINT_READ_ONLY, true).list();
        List<VirtualAssetEntity> virtuals = VirtualAssetEntity.<VirtualAssetEntity>findAll().withHint(HibernateHints.HINT_READ_ONLY, true).list();
        CatalogView loaded = InMemoryCatalog.of(assets.stream().map(CoreMapping::asset).toList(),
                virtuals.stream().map(CoreMapping::virtualAsset).toList());
        view = loaded;
        fingerprint = now;
        return loaded;
    }
}
