// The public catalog's search (capability C7): one module for SQLite (FTS5) and PostgreSQL
// (tsvector + pg_trgm) that finds the same things on both. The publications module keeps the
// index (indexPublication/removePublication inside its transactions); the catalog page reads it.
export {
	indexPublication,
	indexPublications,
	removePublication,
	type CatalogDocument
} from './index-publication';
export {
	searchCatalog,
	catalogSorts,
	catalogLanguages,
	catalogTypes,
	MAX_QUERY_LENGTH,
	MAX_QUERY_TERMS,
	PAGE_SIZE,
	type CatalogQuery,
	type CatalogPage,
	type CatalogResult,
	type CatalogFilters,
	type CatalogFilterName,
	type CatalogSort
} from './search';
export { catalogFacets, MAX_SCHOOL_CHOICES, type CatalogFacets } from './facets';
// Search everywhere (C8): the group work a person may see, kept fresh by workspace-sync.ts.
export {
	searchWorkspace,
	workspaceReach,
	workspaceFilters,
	WORKSPACE_PAGE_SIZE,
	type WorkspaceFilter,
	type WorkspacePage,
	type WorkspaceQuery,
	type WorkspaceResult
} from './workspace-search';
export { syncWorkspace, allGroupIds, workspaceKinds, type WorkspaceKind } from './workspace-sync';
