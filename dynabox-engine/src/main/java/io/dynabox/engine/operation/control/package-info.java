/**
 * The tables' control plane beyond create, describe, update and delete: tags, backups and
 * restores, point-in-time recovery, limits and endpoints, resource policies and contributor
 * insights. One class per action, each composing the definition grammar
 * ({@link io.dynabox.engine.table.TableGrammar}), the limits
 * ({@link io.dynabox.engine.table.TableLimits}) and the table lifecycle
 * ({@link io.dynabox.engine.table.Lifecycle}); registered in
 * {@link io.dynabox.engine.operation.Operations}.
 */
package io.dynabox.engine.operation.control;
