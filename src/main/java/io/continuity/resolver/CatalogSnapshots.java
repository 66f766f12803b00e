package io.continuity.resolver;

import java.util.List;

import org.hibernate.jpa.HibernateHints;

import io.continuity.inputs.CatalogAssetTable;
import io.continuity.inputs.VirtualAssetEntity;
import io.continuity.resolver.core.CatalogAsset;
import io.continuity.resolver.core.CatalogView;
import io.continuity.resolver.core.InMemoryCatalog;
import io.continuity.resolver.core.VirtualAssetSpec;
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
    private final CatalogAssetTable table;
    private volatile String fingerprint;
    private volatile CatalogView view;

    public CatalogSnapshots(EntityManager em, CatalogAssetTable table) {
        this.em = em;
        this.table = table;
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
        // The assets are read as rows on the transaction's own connection (same snapshot) and mapped to core objects: as entities they
        // stayed in the persistence context, and every flush before each later query of the resolution read the values of all
        // of them again (JFR on B1: a third of the resolution's CPU while the catalog was changing).
        List<CatalogAsset> assets = table.all().stream().map(CoreMapping::asset).toList();
        List<VirtualAssetEntity> virtuals = VirtualAssetEntity.<VirtualAssetEntity>findAll().withHint(HibernateHints.HINT_READ_ONLY, true).list();
        List<VirtualAssetSpec> specs = virtuals.stream().map(CoreMapping::virtualAsset).toList();
        virtuals.forEach(em::detach);
        CatalogView loaded = InMemoryCatalog.of(assets, specs);
        view = loaded;
        fingerprint = now;
        return loaded;
    }
}
