import type { RejectGroup } from '../../../../shared/api/imports';

/** A file by its own name (not the folder it was in); a live source by its name. */
export function groupName(group: RejectGroup): string {
  return group.file ? (group.file.split(/[\\/]/).pop() ?? group.file) : group.sourceName;
}
