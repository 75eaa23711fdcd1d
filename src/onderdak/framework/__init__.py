"""The beleidskader workspace (issue 5): the regional policy framework with its tree of themes,
ambitions and actions, its versions, the participation plan and input log, the decision route
and the project plan, and the export to Word."""
