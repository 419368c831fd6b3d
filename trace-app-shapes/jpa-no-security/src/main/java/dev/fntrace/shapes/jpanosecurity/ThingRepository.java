package dev.fntrace.shapes.jpanosecurity;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The things.
 */
public interface ThingRepository extends JpaRepository<Thing, Long> {

}
