"""multiprocessing is refused by name: MiniPy runs in one process. Isolated interpreters (the interpreters
module, concurrent.futures.InterpreterPoolExecutor) give the same isolation inside it."""
raise NotImplementedError('multiprocessing is not supported by MiniPy (it runs in one process): '
                          'use the interpreters module or concurrent.futures.InterpreterPoolExecutor')
