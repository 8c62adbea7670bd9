package org.socialcarebridge.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;

/**
 * The plugin's own state (ledger, conversations, outbox, cursors) through EclipseLink. Bootstrapped
 * with EclipseLink's provider directly because {@code jakarta.persistence.Persistence} finds providers
 * with a ServiceLoader, which does not see across OSGi bundles.
 */
public final class Database implements AutoCloseable {
    static final String UNIT = "socialcare";

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
        return db;
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
