"""What both tables of ci/measure.sh do alike: Russian numbers, the machine line,
and writing the table into the chapter between its markers."""
import os
import subprocess
import sys
import time

NBSP = "\u00a0"


def number(x, digits=3):
    return f"{x:.{digits}f}".replace(".", ",")


def grouped(n):
    return f"{round(n):,}".replace(",", NBSP)


def plural(n, one, few, many):
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def machine(python):
    """«Машина: 2 ядра, 24 ГиБ памяти, Python 3.11.7, rustc 1.95.0»."""
    cores = os.cpu_count()
    memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
    version = subprocess.run([python, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    rustc = " ".join(subprocess.run(["rustc", "--version"], capture_output=True, text=True, check=True).stdout.split()[:2])
    return f"Машина: {cores}{NBSP}{plural(cores, 'ядро', 'ядра', 'ядер')}, {memory}{NBSP}ГиБ памяти, {version}, {rustc}"


def wait_until_quiet(write, limit=0.5, patience=600):
    """The chapter says its tables were measured without other load: with --write, wait
    (up to `patience` seconds) until the 1-minute load average is below `limit`, else stop."""
    if not write:
        return
    waited = 0
    while (load := os.getloadavg()[0]) >= limit:
        if waited >= patience:
            sys.exit(f"ci/measure.sh --write: средняя нагрузка {load:.2f} не опустилась ниже {limit} "
                     f"за {patience} с; таблицу в главу пишут только с машины без посторонней нагрузки")
        print(f"ci/measure.sh: средняя нагрузка {load:.2f}, жду, пока она опустится ниже {limit}…",
              file=sys.stderr)
        time.sleep(15)
        waited += 15


def runs_note(runs):
    return f"медиана по {runs}{NBSP}{plural(runs, 'запуску', 'запускам', 'запускам')}"


def write_between(chapter, marker, table):
    """Replaces what stands between `<!-- ci/measure.sh{marker}: начало -->` and its end."""
    text = open(chapter).read()
    begin, end = f"<!-- ci/measure.sh{marker}: начало -->", f"<!-- ci/measure.sh{marker}: конец -->"
    if begin not in text or end not in text:
        sys.exit(f"{chapter}:1: нет меток {begin} и {end}")
    head, rest = text.split(begin)
    open(chapter, "w").write(head + begin + "\n" + table + rest[rest.index(end):])
