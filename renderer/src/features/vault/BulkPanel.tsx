// What the detail pane shows while several items are selected: how many, and the actions
// for all of them at once.
import { FolderInput, RotateCcw, Star, StarOff, Tag, Tags, Trash2, X, type LucideIcon } from 'lucide-react';
import { Button } from '../../components/Button';
import { plural } from '../../lib/format';
import type { BulkActions } from './useBulkActions';

interface Props {
  ids: readonly string[];
  inTrash: boolean;
  actions: BulkActions;
  onClear: () => void;
}

export function BulkPanel({ ids, inTrash, actions, onClear }: Props) {
  const act = (label: string, icon: LucideIcon, run: () => void, variant: 'secondary' | 'danger' = 'secondary') => (
    <Button icon={icon} variant={variant} onClick={run}>
      {label}
    </Button>
  );
  return (
    <section className="detail bulk-panel" aria-labelledby="bulk-title">
      <header className="detail-header">
        <h2 id="bulk-title" className="detail-title" data-testid="bulk-count">
          {plural(ids.length, 'item')} selected
        </h2>
        <Button icon={X} variant="ghost" onClick={onClear}>
          Clear selection
        </Button>
      </header>
      <p className="field-hint">Shift-click selects a range, Ctrl-click adds or removes one item, Ctrl+A selects every item in the list.</p>
      <div className="bulk-actions" role="group" aria-label="Actions for the selected items">
        {inTrash ? (
          <>
            {act('Restore', RotateCcw, () => void actions.restore(ids))}
            {act('Delete forever', Trash2, () => void actions.purge(ids), 'danger')}
          </>
        ) : (
          <>
            {act('Move to folder…', FolderInput, () => void actions.move(ids))}
            {act('Add tag…', Tag, () => void actions.addTag(ids))}
            {act('Remove tag…', Tags, () => void actions.removeTag(ids))}
            {act('Add to favorites', Star, () => void actions.favorite(ids, true))}
            {act('Remove from favorites', StarOff, () => void actions.favorite(ids, false))}
            {act('Move to trash', Trash2, () => void actions.trash(ids), 'danger')}
          </>
        )}
      </div>
    </section>
  );
}
