# fish completion for redline: put this file in ~/.config/fish/completions/ (or a folder of
# $fish_complete_path). The candidates (with descriptions) come from
# `redline __complete -- WORD...`, which reads the command definitions and the archive's
# revision index (-C/--archive on the line is honored).
function __redline_complete
    set -l words (commandline -opc)
    set -l current (commandline -ct)
    for line in ($words[1] __complete -- $words[2..-1] $current 2>/dev/null)
        if test "$line" = ":files"
            __fish_complete_path $current
        else
            echo $line
        end
    end
end
complete -c redline -f -a '(__redline_complete)'
