/**
 * The projected inputs of resolution: channels, plans with their assignments, catalog assets and virtual assets as the
 * log made them. The channel, plan and catalog features write them (their projections and appliers); the resolver reads
 * them. Keeping them here, below both, lets dependencies point one way: features → resolver → playlog → core.
 */
package io.continuity.inputs;
