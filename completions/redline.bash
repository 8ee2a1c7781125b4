# bash completion for redline. Install as redline in bash-completion's completions folder
# (or source it). The candidates come from `redline __complete -- WORD...`, which reads the
# command definitions and the archive's revision index (-C/--archive on the line is honored).
_redline() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local IFS=$'\n'
  local line files=0
  local -a answer
  answer=($("${COMP_WORDS[0]}" __complete -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)) || return 0
  COMPREPLY=()
  for line in "${answer[@]}"; do
    if [[ $line == :files ]]; then
      files=1
    else
      COMPREPLY+=("${line%%$'\t'*}")
    fi
  done
  if ((files)); then
    COMPREPLY+=($(compgen -f -- "$cur"))
    compopt -o filenames 2>/dev/null
  fi
  return 0
}
complete -F _redline redline
