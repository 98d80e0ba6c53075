"""Quizzes for trainers: choose terms, build questions, write them in a trainer's format.

Data flows one way: select (which terms, with the script lines they came from)
→ questions (seeded, plain data) → writers (one module per format).
"""
