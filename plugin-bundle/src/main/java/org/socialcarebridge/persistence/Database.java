package org.socialcarebridge.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's own state (ledger, conversations, outbox, cursors) through EclipseLink. Bootstrapped
 * with EclipseLink's provider directly because {@code jakarta.persistence.Persistence} finds providers
 * with a ServiceLoader, which does not see across OSGi bundles.
 */
public final class Database implements AutoCloseable {
    static final String UNIT = "socialcare";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EntityManagerFactory factory;

    private Database(EntityManagerFactory factory) {
        this.factory = factory;
    }

    public static Database open(DatabaseSettings settings) {
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.JDBC_URL, settings.url());
        props.put(PersistenceUnitProperties.JDBC_DRIVER, settings.driverClassName());
        props.put(PersistenceUnitProperties.JDBC_USER, settings.user());
        props.put(PersistenceUnitProperties.JDBC_PASSWORD, settings.password());
        props.put(PersistenceUnitProperties.CLASSLOADER, Database.class.getClassLoader());
        props.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.CREATE_OR_EXTEND);
        props.put(PersistenceUnitProperties.DDL_GENERATION_MODE, PersistenceUnitProperties.DDL_DATABASE_GENERATION);
        props.put(PersistenceUnitProperties.WEAVING, "false");
        props.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        // EclipseLink would otherwise log SQL bind values, which carry customer text.
        props.put(PersistenceUnitProperties.LOGGING_PARAMETERS, "false");
        props.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        EntityManagerFactory emf = new PersistenceProvider().createEntityManagerFactory(UNIT, props);
        if (emf == null) {
            throw new IllegalStateException("EclipseLink found no persistence unit '" + UNIT + "' in META-INF/persistence.xml");
        }
        Database db = new Database(emf);
        db.read(em -> em.createQuery("select count(c) from ChannelCursor c").getSingleResult());
        db.addMissingIndexes();
        return db;
    }

    /**
     * EclipseLink creates a table's indexes only with the table, so a database made by an earlier version
     * lacks the indexes added since (the ledger's by creation time, which the export pages through).
     * Both H2 and PostgreSQL skip an index that exists. An index that cannot be made (a database user
     * without the right) only makes some reads slower, so it is logged, not fatal.
     */
    private void addMissingIndexes() {
        for (EntityType<?> entity : factory.getMetamodel().getEntities()) {
            Table table = entity.getJavaType().getAnnotation(Table.class);
            if (table == null) {
                continue;
            }
            for (Index index : table.indexes()) {
                String sql = "CREATE INDEX IF NOT EXISTS " + index.name() + " ON " + table.name() + " (" + index.columnList() + ")";
                try {
                    writing(em -> em.createNativeQuery(sql).executeUpdate());
                } catch (RuntimeException e) {
                    LOG.warn("Social Care Bridge: could not add index {} to {} ({}); reads that use it are slower until"
                            + " a database administrator runs: {}", index.name(), table.name(), e.getMessage(), sql);
                }
            }
        }
    }

    /** Runs the work in one transaction and commits it; rolls back and rethrows on any failure. */
    public <T> T write(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    public void writing(Consumer<EntityManager> work) {
        write(em -> {
            work.accept(em);
            return null;
        });
    }

    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** The channel's cursor position, or null before its first read. */
    public String cursor(String channel) {
        return read(em -> {
            ChannelCursor c = em.find(ChannelCursor.class, channel);
            return c == null ? null : c.position();
        });
    }

    public void moveCursor(String channel, String position, java.time.Instant now) {
        writing(em -> {
            ChannelCursor c = em.find(ChannelCursor.class, channel);
            if (c == null) {
                em.persist(new ChannelCursor(channel, position, now));
            } else {
                c.moveTo(position, now);
            }
        });
    }

    @Override
    public void close() {
        factory.close();
    }
}
