package dev.crow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresTargetTests {

    @Test
    void parsesAServerUrlAndDefaultsTheDatabaseToCrow() {
        PostgresTarget target = PostgresTarget.parse("jdbc:postgresql://db.internal:5433", "admin", "pw");

        assertThat(target.database()).isEqualTo("crow");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/crow");
        assertThat(target.jdbcUrl("postgres")).isEqualTo("jdbc:postgresql://db.internal:5433/postgres");
        assertThat(target.role("auth")).isEqualTo("crow_auth");
    }

    @Test
    void keepsTheDatabaseAndParametersOfTheUrl() {
        PostgresTarget target = PostgresTarget.parse("jdbc:postgresql://db:5432/crowdev?sslmode=require", "admin", "pw");

        assertThat(target.serviceUrl("patterns")).isEqualTo("jdbc:postgresql://db:5432/crowdev?sslmode=require&currentSchema=patterns");
        assertThat(target.role("patterns")).isEqualTo("crowdev_patterns");
    }

    @Test
    void rejectsUrlsThatAreNotPostgres() {
        assertThatThrownBy(() -> PostgresTarget.parse("jdbc:mysql://db/crow", "a", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresTarget.parse("jdbc:postgresql://db/Crow-Dev", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverPrintsThePassword() {
        assertThat(PostgresTarget.parse("jdbc:postgresql://db/crow", "admin", "s3cret").toString()).doesNotContain("s3cret");
    }
}
