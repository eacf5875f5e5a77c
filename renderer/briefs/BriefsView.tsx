// Placeholder: the briefs list and editor (issue 6) replace this file.
export function BriefsView({ briefId }: { briefId?: string }) {
  return <div className="briefs-view" data-brief-id={briefId} />;
}
