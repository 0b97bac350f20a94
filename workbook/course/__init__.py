"""The course: the book of accounts every notebook and the app opens, and what is carried along.

- :mod:`workbook.course.book`: your accounts read, one salesperson chosen, tiered.
"""
