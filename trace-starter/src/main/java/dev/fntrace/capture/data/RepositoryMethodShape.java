package dev.fntrace.capture.data;

import dev.fntrace.model.DbOp;

/**
 * How calls of one repository method become an operation: its kind and where its entity
 * id comes from.
 *
 * @param op the kind of operation; for {@link Argument#SAVED_ENTITY} and
 * {@link Argument#SAVED_ENTITIES} the kind when not every entity is new, as each call
 * decides between {@link DbOp#INSERT} and {@link DbOp#UPDATE}; {@code null} for a method
 * that is no operation, whose SQL is left as it is
 * @param argument what the first argument is
 */
record RepositoryMethodShape(DbOp op, Argument argument) {

	/** A method that is no data operation, such as {@code flush} or {@code toString}. */
	static final RepositoryMethodShape NOT_AN_OPERATION = new RepositoryMethodShape(null, Argument.OTHER);

	/**
	 * Whether calls of the method are recorded as an operation.
	 * @return {@code false} when their SQL is left as it is
	 */
	boolean isOperation() {
		return this.op != null;
	}

	/**
	 * What the first argument of a repository method is, as far as the operation is
	 * concerned.
	 */
	enum Argument {

		/** Nothing the operation needs: it has no id. */
		OTHER,

		/** The entity id: the operation's id. */
		ID,

		/**
		 * An entity whose id is the operation's id, such as the one {@code delete}
		 * removes.
		 */
		ENTITY,

		/**
		 * An entity being saved: an insert when it is new, else an update; the saved
		 * entity's id.
		 */
		SAVED_ENTITY,

		/**
		 * Entities being saved: an insert when every one is new, else an update; no id.
		 */
		SAVED_ENTITIES

	}

}
