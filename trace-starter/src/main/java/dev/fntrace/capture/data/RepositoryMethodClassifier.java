package dev.fntrace.capture.data;

import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.fntrace.capture.data.RepositoryMethodShape.Argument;
import dev.fntrace.model.DbOp;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Window;
import org.springframework.util.ClassUtils;

/**
 * Tells the kind of operation a repository method runs from its name, parameters and
 * return type, in the reference's vocabulary:
 * <ul>
 * <li>{@code findById}, {@code getById}, {@code getReferenceById}, {@code getOne} and
 * {@code findOne} taking an id: {@code get} with that id, and so is a derived
 * single-result finder whose only criterion is the id ({@code findLockedById});
 * {@code findOne} taking an example or a specification: {@code lookup};</li>
 * <li>{@code existsById}: {@code lookup} with the id. It reads one row by id like
 * {@code get} but answers only whether it is there, so it is not counted as a read of the
 * entity;</li>
 * <li>a method that takes a {@link Pageable} or returns a {@link Slice}, {@code Page} or
 * {@link Window}: {@code paginate};</li>
 * <li>{@code findAll}, {@code findAllById}: {@code list};</li>
 * <li>{@code save}, {@code saveAndFlush}: {@code insert} of a new entity, else
 * {@code update}, with the saved entity's id; {@code saveAll}, {@code saveAllAndFlush}:
 * the same without an id;</li>
 * <li>{@code delete} of an entity: {@code delete} with its id; {@code deleteById}:
 * {@code delete} with the id; the other {@code delete*} methods and derived
 * {@code deleteBy} and {@code removeBy} methods: {@code delete};</li>
 * <li>derived {@code findBy}, {@code readBy}, {@code getBy}, {@code queryBy},
 * {@code searchBy} and {@code streamBy} methods (with any subject, such as
 * {@code findFirst3By}): {@code list} when they return many (a collection, an
 * {@link Iterable}, a {@link Stream}, an array), else {@code lookup}; derived
 * {@code countBy} and {@code existsBy}: {@code query};</li>
 * <li>{@code flush} and the methods of {@link Object}: no operation, their SQL is left as
 * it is;</li>
 * <li>anything else, {@code count} and {@code @Query} methods with other names included:
 * {@code query}.</li>
 * </ul>
 */
final class RepositoryMethodClassifier {

	/**
	 * The prefix of a derived query method, as Spring Data's {@code PartTree} reads it.
	 */
	private static final Pattern DERIVED = Pattern
		.compile("^(find|read|get|query|search|stream|count|exists|delete|remove)(\\p{Lu}.*?)??By");

	private static final Set<String> GET_BY_ID = Set.of("findById", "getById", "getReferenceById", "getOne", "findOne");

	private static final Set<String> LIST_ALL = Set.of("findAll", "findAllById");

	private static final Set<String> DELETE_ALL = Set.of("deleteAll", "deleteAllById", "deleteInBatch",
			"deleteAllInBatch", "deleteAllByIdInBatch");

	private RepositoryMethodClassifier() {
	}

	/**
	 * Classify a repository method.
	 * @param method the method, as declared by the repository interface or one it extends
	 * @param domainType the repository's domain type
	 * @param idType the type of its ids
	 * @return how calls of the method become an operation
	 */
	static RepositoryMethodShape classify(Method method, Class<?> domainType, Class<?> idType) {
		String name = method.getName();
		Class<?>[] parameters = method.getParameterTypes();
		if (method.getDeclaringClass() == Object.class || (name.equals("flush") && parameters.length == 0)) {
			return RepositoryMethodShape.NOT_AN_OPERATION;
		}
		boolean takesOneId = parameters.length == 1 && ClassUtils.isAssignable(parameters[0], idType);
		if (isPaged(method)) {
			return shape(DbOp.PAGINATE, Argument.OTHER);
		}
		if (takesOneId && GET_BY_ID.contains(name)) {
			return shape(DbOp.GET, Argument.ID);
		}
		if (name.equals("findOne")) {
			return shape(DbOp.LOOKUP, Argument.OTHER);
		}
		if (takesOneId && name.equals("existsById")) {
			return shape(DbOp.LOOKUP, Argument.ID);
		}
		if (LIST_ALL.contains(name)) {
			return shape(DbOp.LIST, Argument.OTHER);
		}
		if (parameters.length == 1 && (name.equals("save") || name.equals("saveAndFlush"))) {
			return shape(DbOp.UPDATE, Argument.SAVED_ENTITY);
		}
		if (parameters.length == 1 && (name.equals("saveAll") || name.equals("saveAllAndFlush"))) {
			return shape(DbOp.UPDATE, Argument.SAVED_ENTITIES);
		}
		if (parameters.length == 1 && name.equals("delete") && parameters[0].isAssignableFrom(domainType)) {
			return shape(DbOp.DELETE, Argument.ENTITY);
		}
		if (takesOneId && name.equals("deleteById")) {
			return shape(DbOp.DELETE, Argument.ID);
		}
		if (name.equals("delete") || DELETE_ALL.contains(name)) {
			return shape(DbOp.DELETE, Argument.OTHER);
		}
		Matcher derived = DERIVED.matcher(name);
		if (derived.find()) {
			return derived(method, derived.group(1), name.substring(derived.end()), takesOneId);
		}
		return shape(DbOp.QUERY, Argument.OTHER);
	}

	private static RepositoryMethodShape derived(Method method, String verb, String criteria, boolean takesOneId) {
		switch (verb) {
			case "count", "exists" -> {
				return shape(DbOp.QUERY, Argument.OTHER);
			}
			case "delete", "remove" -> {
				return shape(DbOp.DELETE, Argument.OTHER);
			}
			default -> {
				if (criteria.isEmpty()) {
					// findBy(Example, Function): a fluent query, its shape unknown
					return shape(DbOp.QUERY, Argument.OTHER);
				}
				if (returnsMany(method)) {
					return shape(DbOp.LIST, Argument.OTHER);
				}
				if (takesOneId && criteria.equals("Id")) {
					return shape(DbOp.GET, Argument.ID);
				}
				return shape(DbOp.LOOKUP, Argument.OTHER);
			}
		}
	}

	private static boolean isPaged(Method method) {
		Class<?> returned = method.getReturnType();
		if (Slice.class.isAssignableFrom(returned) || Window.class.isAssignableFrom(returned)) {
			return true;
		}
		for (Class<?> parameter : method.getParameterTypes()) {
			if (Pageable.class.isAssignableFrom(parameter)) {
				return true;
			}
		}
		return false;
	}

	private static boolean returnsMany(Method method) {
		Class<?> returned = method.getReturnType();
		return Iterable.class.isAssignableFrom(returned) || Iterator.class.isAssignableFrom(returned)
				|| Stream.class.isAssignableFrom(returned) || returned.isArray();
	}

	private static RepositoryMethodShape shape(DbOp op, Argument argument) {
		return new RepositoryMethodShape(op, argument);
	}

}
