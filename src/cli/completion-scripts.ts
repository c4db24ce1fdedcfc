// `kt completion SHELL`: small scripts that ask `kt __complete …` for candidates (cobra's protocol: candidate
// lines, then `:DIRECTIVE`) and hand them to the shell. Directive bits: 1 error, 2 no space, 4 no file completion.

export const SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;
export type Shell = (typeof SHELLS)[number];

/** A shell function name from the program name (`kubectl-triage` → `kubectl_triage`). */
const ident = (prog: string): string => prog.replace(/[^A-Za-z0-9_]/g, '_');

function bash(prog: string): string {
  const f = `__${ident(prog)}_complete`;
  return `# bash completion for ${prog}; load with: source <(${prog} completion bash)
${f}() {
    local cur words cword
    if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
        _get_comp_words_by_ref -n =: cur words cword
    else
        cur="\${COMP_WORDS[COMP_CWORD]}"
        words=("\${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    local out
    out=$("\${words[0]}" __completeNoDesc "\${words[@]:1:cword-1}" "$cur" 2>/dev/null) || return
    local directive=\${out##*:}
    [[ $directive =~ ^[0-9]+$ ]] || return
    (( directive & 1 )) && return
    local candidates=\${out%:*}
    local IFS=$'\\n'
    COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
    # Readline replaces only what follows the last = or : (COMP_WORDBREAKS), so drop what precedes it.
    local lead=\${cur%"\${cur##*[=:]}"}
    if [[ -n $lead && $COMP_WORDBREAKS == *"\${lead: -1}"* ]]; then
        COMPREPLY=("\${COMPREPLY[@]#"$lead"}")
    fi
    (( directive & 2 )) && compopt -o nospace 2>/dev/null
    if (( \${#COMPREPLY[@]} == 0 )) && ! (( directive & 4 )); then
        compopt -o default 2>/dev/null
    fi
    return 0
}
complete -F ${f} ${prog}
`;
}

function zsh(prog: string): string {
  const f = `_${ident(prog)}`;
  return `#compdef ${prog}
# zsh completion for ${prog}; load with: source <(${prog} completion zsh)
${f}() {
    local out directive line value desc
    local -a lines cands
    out=$("\${words[1]}" __complete "\${(@)words[2,CURRENT-1]}" "\${words[CURRENT]}" 2>/dev/null) || return 1
    lines=("\${(@f)out}")
    directive=\${lines[-1]#:}
    lines=("\${(@)lines[1,-2]}")
    [[ $directive == <-> ]] || return 1
    (( directive & 1 )) && return 1
    for line in "\${lines[@]}"; do
        [[ -z $line ]] && continue
        value=\${line%%$'\\t'*}
        value=\${value//:/\\\\:}
        if [[ $line == *$'\\t'* ]]; then desc=\${line#*$'\\t'}; cands+=("$value:$desc"); else cands+=("$value"); fi
    done
    if (( \${#cands} == 0 )); then
        (( directive & 4 )) || _files
        return
    fi
    if (( directive & 2 )); then
        _describe -t ${ident(prog)} '${prog}' cands -S ''
    else
        _describe -t ${ident(prog)} '${prog}' cands
    fi
}
if [[ "\${funcstack[1]}" == "${f}" ]]; then
    ${f} "$@"
else
    compdef ${f} ${prog}
fi
`;
}

function fish(prog: string): string {
  const f = `__${ident(prog)}_complete`;
  return `# fish completion for ${prog}; load with: ${prog} completion fish | source
function ${f}
    set -l args (commandline -opc)
    set -e args[1]
    set -l cur (commandline -ct)
    set -l out (command ${prog} __complete $args $cur 2>/dev/null)
    or return
    set -l directive (string replace -r '^:' '' -- $out[-1])
    set -e out[-1]
    test (math "bitand($directive, 1)") -ne 0; and return
    if test (count $out) -eq 0; and test (math "bitand($directive, 4)") -eq 0
        __fish_complete_path $cur
        return
    end
    printf '%s\\n' $out
end
complete -c ${prog} -e
complete -c ${prog} -f -a '(${f})'
`;
}

function powershell(prog: string): string {
  return `# powershell completion for ${prog}; load with: ${prog} completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName '${prog}' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $elements = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
    $words = @($elements | Select-Object -Skip 1)
    if ($wordToComplete -eq '') {
        if ($PSVersionTable.PSVersion -lt [version]'7.3') { $words += '""' } else { $words += '' }
    }
    $out = @(& '${prog}' __complete @words 2>$null)
    if ($out.Count -eq 0) { return }
    $directive = [int]($out[-1].TrimStart(':'))
    if ($directive -band 1) { return }
    $out | Select-Object -SkipLast 1 | ForEach-Object {
        $parts = $_ -split "\`t", 2
        $value = $parts[0]
        $desc = if ($parts.Count -gt 1 -and $parts[1]) { $parts[1] } else { $value }
        $text = if ($directive -band 2) { $value } else { "$value " }
        [System.Management.Automation.CompletionResult]::new($text, $value, 'ParameterValue', $desc)
    }
}
`;
}

export function completionScript(shell: Shell, prog: string): string {
  switch (shell) {
    case 'bash':
      return bash(prog);
    case 'zsh':
      return zsh(prog);
    case 'fish':
      return fish(prog);
    case 'powershell':
      return powershell(prog);
  }
}
