// The vault view: search and sort over a virtualised list, and a detail pane that shows
// the selected item, the editor, or the bulk actions for several selected items. Owns the
// selection, the context menu and the vault's keyboard shortcuts. In the narrowest windows
// it shows the list or the item, with a back button. The editor is another feature's; the
// app hands it in, so the two never import each other.
import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType, type KeyboardEvent } from 'react';
import { ArrowLeft } from 'lucide-react';
import type { ItemSummary, ItemType, SortOrder } from '../../../../shared/domain';
import { call } from '../../lib/ipc';
import { Spinner } from '../../components/EmptyState';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { useUnsavedGuard } from '../../state/unsaved-guard';
import { filterTitle, type VaultFilter } from '../../state/routes';
import { SearchRow } from './SearchRow';
import { VaultDetail, type EditorProps, type Mode } from './VaultDetail';
import { ItemList } from './ItemList';
import { EmptyList } from './EmptyList';
import type { PickHow } from './useSelection';
import { NewItemMenu } from './NewItemMenu';
import { useItemRows } from './useItemRows';
import { useFollowedSelection } from './useFollowedSelection';
import { useVaultData } from '../../state/vault-data';
import { useCopy } from './useCopy';
import { useVaultShortcuts } from './useVaultShortcuts';
import { useSelection } from './useSelection';
import { useBulkActions } from './useBulkActions';
import { AskNameProvider } from './AskName';
import { ItemContextMenu } from './ItemContextMenu';
import { useMenuEntries } from './useMenuEntries';
import { SINGLE_PANE_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { FormError } from '../../components/FormError';
import './vault.css';

interface VaultPageProps {
  filter: VaultFilter;
  select?: string | undefined;
  Editor: ComponentType<EditorProps>;
  /** Opens the import page (the empty vault's call to action). */
  onImport: () => void;
}

export function VaultPage(props: VaultPageProps) {
  return (
    <AskNameProvider>
      <VaultView {...props} />
    </AskNameProvider>
  );
}

function VaultView({ filter, select: initialSelection, Editor, onImport }: VaultPageProps) {
  const [text, setText] = useState('');
  const [sort, setSort] = useState<SortOrder>('title');
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const singlePane = useMediaQuery(SINGLE_PANE_QUERY);
  const [showDetail, setShowDetail] = useState(initialSelection !== undefined);
  const { revision, structure } = useVaultData();
  // Last-used order changes with every copy; the other orders only with edits.
  const rowsState = useItemRows(filter, text, sort, sort === 'last-used' ? revision : structure);
  const { rows, total, error, indexOf, ensure, load } = rowsState;
  const selection = useSelection(rows, total, load, indexOf, initialSelection ?? null);
  const selectedId = selection.activeId;
  const setSelectedId = selection.setActive;
  const bulk = useBulkActions();
  const guard = useUnsavedGuard();
  const toast = useToast();
  const copy = useCopy();
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const { detailId, setDetailId, userPicked, searchChanged } = useFollowedSelection(rowsState, selectedId, setSelectedId);

  // After unlocking nothing has focus; give it to the list, so the arrow keys work at once.
  // Focus the user put somewhere (a sidebar button, the search box) is never taken away.
  const hasRows = (rows?.length ?? 0) > 0;
  useEffect(() => {
    if (hasRows && (document.activeElement === null || document.activeElement === document.body)) listRef.current?.focus();
  }, [hasRows]);

  const leaveEditor = useCallback(async () => {
    if (mode.kind === 'view') return true;
    if (!(await guard.confirmDiscard())) return false;
    setMode({ kind: 'view' });
    return true;
  }, [mode.kind, guard]);

  const select = useCallback(
    async (id: string, how: PickHow = 'one') => {
      userPicked();
      if (how === 'one' && id === selectedId && mode.kind === 'view' && !selection.multiple) return setDetailId(id);
      if (!(await leaveEditor())) return;
      selection.pick(id, how);
      if (how === 'one') setDetailId(id);
    },
    [selectedId, mode.kind, leaveEditor, selection, userPicked, setDetailId],
  );

  const inTrash = filter.kind === 'trash';
  const selectedIds = useMemo(() => [...selection.ids], [selection.ids]);
  const deleteSelection = useCallback(() => {
    if (mode.kind !== 'view' || selection.ids.size === 0) return;
    const ids = [...selection.ids];
    if (inTrash) void bulk.purge(ids, rows?.[indexOf(ids[0] ?? null)]?.title);
    else void bulk.trash(ids);
  }, [mode.kind, selection.ids, inTrash, bulk, rows, indexOf]);

  const backToList = useCallback(async () => {
    if (!(await leaveEditor())) return;
    setShowDetail(false);
    window.requestAnimationFrame(() => listRef.current?.focus());
  }, [leaveEditor]);

  const open = useCallback(
    async (id: string) => {
      if (singlePane && !showDetail) return setShowDetail(true);
      if (!(await leaveEditor())) return;
      setSelectedId(id);
      const r = await call('item:get', { id });
      if (!r.ok) return toast.error(r.error.message);
      if (r.value.deletedAt === null) setMode({ kind: 'edit', item: r.value });
    },
    [leaveEditor, toast, singlePane, showDetail, setSelectedId],
  );

  // The detail pane's callbacks keep their identity across keystrokes, so the pane (memoised) does not re-render.
  const editorDone = useCallback(
    (saved: ItemSummary | null) => {
      if (saved && mode.kind === 'create') setSelectedId(saved.id);
      setMode({ kind: 'view' });
      listRef.current?.focus();
    },
    [mode.kind, setSelectedId],
  );
  const edit = useCallback((item: ItemSummary) => setMode({ kind: 'edit', item }), []);
  const clearSelection = useCallback(() => setSelectedId(selectedId), [setSelectedId, selectedId]);

  const startCreate = useCallback(
    async (type: ItemType) => {
      if (await leaveEditor()) setMode({ kind: 'create', type });
    },
    [leaveEditor],
  );

  const selectedIndex = indexOf(selectedId);
  const selectedRow = selection.multiple ? null : (rows?.[selectedIndex] ?? null);
  useVaultShortcuts({ searchRef, selectedRow, editing: mode.kind !== 'view', copy, onNew: () => void startCreate('login'), onDelete: deleteSelection });
  const menuEntries = useMenuEntries({ ids: selectedIds, row: selectedRow, inTrash, bulk, copy, onEdit: (id) => void open(id) });
  const openMenu = (at: { x: number; y: number } | null, id?: string) => {
    if (id && !selection.ids.has(id)) selection.setActive(id);
    if (at) return setMenu(at);
    const r = document.getElementById(`row-${selectedId ?? ''}`)?.getBoundingClientRect();
    setMenu(r ? { x: r.left + 24, y: r.bottom - 8 } : { x: 80, y: 160 });
  };

  const moveTo = async (index: number, extend = false) => {
    const row = rows?.[index] ?? (await load(index, index + 1))[0];
    if (row) void select(row.id, extend ? 'range' : 'one');
  };
  const moveBy = (delta: number) => {
    if (!rows || total === 0) return;
    void moveTo(Math.max(0, Math.min(total - 1, selectedIndex + delta)));
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      moveBy(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      listRef.current?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (text) setText('');
      else listRef.current?.focus();
    }
  };

  const title = filterTitle(filter);
  const searching = text.trim() !== '';
  let list;
  if (rows === null) list = <Spinner label="Loading items…" />;
  else if (rows.length === 0)
    list = <EmptyList filter={filter} title={title} search={searching ? text.trim() : ''} onCreate={(t) => void startCreate(t)} onImport={onImport} />;
  else
    list = (
      <ItemList
        rows={rows}
        selectedId={selectedId}
        selectedIndex={selectedIndex}
        picked={selection.ids}
        onSelect={(id, how) => void select(id, how)}
        onOpen={(id) => void open(id)}
        onEscape={() => (text ? setText('') : selection.multiple ? selection.setActive(selectedId) : undefined)}
        onSelectAll={selection.pickAll}
        onActivate={() => setShowDetail(true)}
        onMenu={openMenu}
        listRef={listRef}
        total={total}
        onRange={ensure}
        onMoveTo={(i, extend) => void moveTo(i, extend)}
        label={`${title}: ${total} items`}
        showDate={sort === 'last-used' ? 'last-used' : 'updated'}
      />
    );

  const detailShown = mode.kind !== 'view' || showDetail;
  const layout = singlePane ? ` single-pane ${detailShown ? 'showing-detail' : 'showing-list'}` : '';
  return (
    <div className={`vault${layout}`}>
      <section className="list-pane" aria-label="Item list">
        <div className="list-header">
          {/* Long view names (tags, folders, "Not used in 180 days") are cut with an ellipsis; the tooltip has them whole. */}
          <h1 className="page-title" title={title}>
            {title} <span className="page-count">{rows ? total.toLocaleString() : ''}</span>
          </h1>
          {filter.kind !== 'trash' ? <NewItemMenu onPick={(t) => void startCreate(t)} /> : null}
        </div>
        <SearchRow
          inputRef={searchRef}
          text={text}
          onText={(t) => {
            searchChanged();
            setText(t);
          }}
          onKeyDown={onSearchKey}
          sort={sort}
          onSort={setSort}
        />
        <FormError message={error} />
        <div className="list-body">{list}</div>
      </section>
      <section className="detail-pane" aria-label="Item details">
        {singlePane ? (
          <div className="back-bar">
            <Button icon={ArrowLeft} variant="ghost" onClick={() => void backToList()}>
              {title}
            </Button>
          </div>
        ) : null}
        <VaultDetail
          mode={mode}
          Editor={Editor}
          onEditorDone={editorDone}
          onEdit={edit}
          selectedIds={selection.multiple ? selectedIds : null}
          inTrash={inTrash}
          bulk={bulk}
          onClearSelection={clearSelection}
          detailId={detailId}
        />
      </section>
      {menu ? <ItemContextMenu x={menu.x} y={menu.y} label={selection.multiple ? `Actions for ${selectedIds.length} items` : 'Item actions'} entries={menuEntries} onClose={() => setMenu(null)} /> : null}
    </div>
  );
}
