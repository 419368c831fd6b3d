package dev.fntrace.capture.data;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.fntrace.capture.data.RepositoryMethodShape.Argument;
import dev.fntrace.model.DbOp;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Example;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.FluentQuery;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the {@link RepositoryMethodClassifier} reads repository methods it is given as the
 * repository proxy sees them: the CRUD methods by name, derived queries by their prefix
 * and return type.
 */
class RepositoryMethodClassifierTests {

	@Test
	void readsByIdAreGetsWithTheId() {
		assertThat(shapeOf("findById", Object.class)).isEqualTo(shape(DbOp.GET, Argument.ID));
		assertThat(shapeOf("getReferenceById", Object.class)).isEqualTo(shape(DbOp.GET, Argument.ID));
		assertThat(shapeOf("findDistinctById", Long.class)).isEqualTo(shape(DbOp.GET, Argument.ID));
	}

	@Test
	void existsByIdIsALookupWithTheId() {
		assertThat(shapeOf("existsById", Object.class)).isEqualTo(shape(DbOp.LOOKUP, Argument.ID));
	}

	@Test
	void findOneByExampleIsALookup() {
		assertThat(shapeOf("findOne", Example.class)).isEqualTo(shape(DbOp.LOOKUP, Argument.OTHER));
	}

	@Test
	void findAllIsAList() {
		assertThat(shapeOf("findAll")).isEqualTo(shape(DbOp.LIST, Argument.OTHER));
		assertThat(shapeOf("findAll", Sort.class)).isEqualTo(shape(DbOp.LIST, Argument.OTHER));
		assertThat(shapeOf("findAllById", Iterable.class)).isEqualTo(shape(DbOp.LIST, Argument.OTHER));
	}

	@Test
	void pagedReadsArePaginate() {
		assertThat(shapeOf("findAll", Pageable.class)).isEqualTo(shape(DbOp.PAGINATE, Argument.OTHER));
		assertThat(shapeOf("findByName", String.class, Pageable.class)).isEqualTo(shape(DbOp.PAGINATE, Argument.OTHER));
		assertThat(shapeOf("findFirst10ByName", String.class, ScrollPosition.class))
			.isEqualTo(shape(DbOp.PAGINATE, Argument.OTHER));
	}

	@Test
	void savesAreDecidedPerCall() {
		assertThat(shapeOf("save", Object.class)).isEqualTo(shape(DbOp.UPDATE, Argument.SAVED_ENTITY));
		assertThat(shapeOf("saveAndFlush", Object.class)).isEqualTo(shape(DbOp.UPDATE, Argument.SAVED_ENTITY));
		assertThat(shapeOf("saveAll", Iterable.class)).isEqualTo(shape(DbOp.UPDATE, Argument.SAVED_ENTITIES));
	}

	@Test
	void deletesKeepTheIdWhereTheyNameOne() {
		assertThat(shapeOf("delete", Object.class)).isEqualTo(shape(DbOp.DELETE, Argument.ENTITY));
		assertThat(shapeOf("deleteById", Object.class)).isEqualTo(shape(DbOp.DELETE, Argument.ID));
		assertThat(shapeOf("deleteAllInBatch")).isEqualTo(shape(DbOp.DELETE, Argument.OTHER));
		assertThat(shapeOf("deleteByName", String.class)).isEqualTo(shape(DbOp.DELETE, Argument.OTHER));
		assertThat(shapeOf("removeByName", String.class)).isEqualTo(shape(DbOp.DELETE, Argument.OTHER));
	}

	@Test
	void derivedFindersAreListsOrLookupsByWhatTheyReturn() {
		assertThat(shapeOf("streamAllByName", String.class)).isEqualTo(shape(DbOp.LIST, Argument.OTHER));
		assertThat(shapeOf("findTop3ByName", String.class)).isEqualTo(shape(DbOp.LIST, Argument.OTHER));
		assertThat(shapeOf("findFirstByOrderByIdDesc")).isEqualTo(shape(DbOp.LOOKUP, Argument.OTHER));
		assertThat(shapeOf("readByName", String.class)).isEqualTo(shape(DbOp.LOOKUP, Argument.OTHER));
	}

	@Test
	void countsAndExistenceChecksAreQueries() {
		assertThat(shapeOf("count")).isEqualTo(shape(DbOp.QUERY, Argument.OTHER));
		assertThat(shapeOf("countByName", String.class)).isEqualTo(shape(DbOp.QUERY, Argument.OTHER));
		assertThat(shapeOf("existsByName", String.class)).isEqualTo(shape(DbOp.QUERY, Argument.OTHER));
	}

	@Test
	void otherMethodsAreQueries() {
		assertThat(shapeOf("closeAll")).isEqualTo(shape(DbOp.QUERY, Argument.OTHER));
		assertThat(shapeOf("findBy", Example.class, Function.class)).isEqualTo(shape(DbOp.QUERY, Argument.OTHER));
	}

	@Test
	void flushAndObjectMethodsAreNoOperations() {
		assertThat(shapeOf("flush")).isEqualTo(RepositoryMethodShape.NOT_AN_OPERATION);
		Method toString = ReflectionUtils.findMethod(Object.class, "toString");
		assertThat(RepositoryMethodClassifier.classify(toString, Item.class, Long.class))
			.isEqualTo(RepositoryMethodShape.NOT_AN_OPERATION);
	}

	private static RepositoryMethodShape shapeOf(String name, Class<?>... parameterTypes) {
		Method method = ReflectionUtils.findMethod(ClassifiedRepository.class, name, parameterTypes);
		assertThat(method).as(name).isNotNull();
		return RepositoryMethodClassifier.classify(method, Item.class, Long.class);
	}

	private static RepositoryMethodShape shape(DbOp op, Argument argument) {
		return new RepositoryMethodShape(op, argument);
	}

	interface ClassifiedRepository extends JpaRepository<Item, Long> {

		Optional<Item> findDistinctById(Long id);

		Slice<Item> findByName(String name, Pageable pageable);

		Window<Item> findFirst10ByName(String name, ScrollPosition position);

		long deleteByName(String name);

		void removeByName(String name);

		Stream<Item> streamAllByName(String name);

		List<Item> findTop3ByName(String name);

		Optional<Item> findFirstByOrderByIdDesc();

		Item readByName(String name);

		long countByName(String name);

		boolean existsByName(String name);

		@Query("update Item i set i.name = 'closed'")
		int closeAll();

		@Override
		<S extends Item, R> R findBy(Example<S> example, Function<FluentQuery.FetchableFluentQuery<S>, R> query);

	}

}
