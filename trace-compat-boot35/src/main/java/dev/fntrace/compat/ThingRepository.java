package dev.fntrace.compat;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The things, in a Spring Data JPA repository.
 */
interface ThingRepository extends JpaRepository<Thing, Long> {

}
